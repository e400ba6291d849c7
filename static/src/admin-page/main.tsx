import { createRoot } from 'react-dom/client';
import Button from '@atlaskit/button/new';

const root = document.getElementById('root');
if (root) createRoot(root).render(<Button appearance="primary">Status Clock</Button>);
