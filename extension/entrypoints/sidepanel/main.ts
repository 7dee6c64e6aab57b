import '../../components/panel.css';
import { Panel } from '../../components/panel.ts';

const root = document.getElementById('app')!;
void new Panel(root, new URLSearchParams(location.search)).start();
