/**
 * Entity tab drawing the claim → composite → composed resources graph; its extensions arrive with
 * their own issue.
 *
 * @packageDocumentation
 */
export { default } from './plugin';
