import { createBackend } from '@backstage/backend-defaults';
import { demoPermissionPolicyModule } from './permissions/policyModule';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'));
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-kubernetes-backend'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(demoPermissionPolicyModule);

// This repository's plugins, each in the one line its README documents.
backend.add(import('@kube-platform/plugin-catalog-backend-module-kubernetes-ingestor'));
backend.add(import('@kube-platform/plugin-scaffolder-backend-module-kubernetes-gitops'));
backend.add(import('@kube-platform/plugin-kubernetes-resources-backend'));

backend.start();
