// Entry of the admin page (Jira Settings > Apps): every user's tokens.
import { startPage } from '../shared/bootstrap';
import { AdminApp } from './admin-app';

void startPage(<AdminApp />);
