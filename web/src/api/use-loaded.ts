import { ref, watch, type Ref, type WatchSource } from 'vue';
import { session } from './graphql-client';

/** Data loaded again whenever its sources or the viewer change; null from the API reads as not found or out of scope. */
export function useLoaded<T>(sources: WatchSource[], load: () => Promise<T | null>, notFound: () => string): { data: Ref<T | null>; error: Ref<string> } {
  const data = ref<T | null>(null) as Ref<T | null>;
  const error = ref('');
  watch([...sources, () => session.token], async () => {
    error.value = '';
    try {
      data.value = await load();
      if (!data.value) error.value = notFound();
    } catch (e: any) {
      error.value = e.message;
    }
  }, { immediate: true });
  return { data, error };
}
