import { ref, watch, type Ref, type WatchSource } from 'vue';
import { messageOf, session } from './graphql-client';

/** Data loaded again whenever its sources or the viewer change; null from the API reads as not found or out of scope. */
export function useLoaded<T>(
  sources: WatchSource[],
  load: () => Promise<T | null>,
  notFound: () => string,
): { data: Ref<T | null>; error: Ref<string> } {
  const data = ref<T | null>(null) as Ref<T | null>;
  const error = ref('');
  // Answers can arrive out of order (the viewer becomes known while an earlier request is in flight): only the latest is shown.
  let latest = 0;
  watch(
    [...sources, () => session.token],
    async () => {
      const mine = ++latest;
      error.value = '';
      try {
        const loaded = await load();
        if (mine !== latest) return;
        data.value = loaded;
        if (!data.value) error.value = notFound();
      } catch (e) {
        if (mine === latest) error.value = messageOf(e);
      }
    },
    { immediate: true },
  );
  return { data, error };
}
