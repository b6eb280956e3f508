/**
 * What both the backend modules (and later the frontend) share: Kubernetes facts with one home.
 *
 * @packageDocumentation
 */
export { javascriptPattern } from './goPattern';
