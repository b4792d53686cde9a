import { createApp } from 'vue';
import AppShell from './app-shell.vue';
import './styles.css';

createApp(AppShell).mount('#app');
