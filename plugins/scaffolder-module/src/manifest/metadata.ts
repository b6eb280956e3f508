import { quote } from './identity';
import { FieldError } from './types';

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/**
 * Labels and annotations the API server would reject, checked before anything reaches a pull request
 * (the object's identity is checked by ./identity).
 */
export function validateMetadata(input: {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}): FieldError[] {
  const errors: FieldError[] = [];
  const { labels = {}, annotations = {} } = input;
  for (const [key, value] of Object.entries(labels)) {
    const validKey = QUALIFIED_NAME.test(key);
    const path = `metadata.labels.${validKey ? key : quote(key)}`;
    if (!validKey) errors.push({ path, message: 'is not a valid label key' });
    if (value.length > 63 || !LABEL_VALUE.test(value)) {
      errors.push({ path, message: `${quote(value)} is not a valid label value` });
    }
  }
  for (const key of Object.keys(annotations)) {
    if (!QUALIFIED_NAME.test(key)) {
      errors.push({ path: `metadata.annotations.${quote(key)}`, message: 'is not a valid annotation key' });
    }
  }
  return errors;
}
