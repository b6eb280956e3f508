import { createApp } from '@backstage/frontend-defaults';
import { signInModule } from './modules/signIn';

// Every plugin (catalog, scaffolder, API docs, Kubernetes, the resources tab) is discovered from
// package.json because app-config.yaml sets `app.packages: all`; only the sign-in page is app-specific.
export default createApp({
  features: [signInModule],
});
