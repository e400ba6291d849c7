// Entry of the user page (Jira apps menu): the signed-in user's API tokens.
import { startPage } from '../shared/bootstrap';
import { UserApp } from './user-app';

void startPage(<UserApp />);
