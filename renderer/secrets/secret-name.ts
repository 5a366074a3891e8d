/** What a person types, as a secret name: upper case, anything but letters, digits and _ turned into _. */
export function toSecretName(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
}
