import { toSecretName } from '../../secrets/secret-name';
import type { FieldProps } from './field-props';
import { LockIcon } from './LockIcon';

const secretName = (value: unknown) =>
  value && typeof value === 'object' && typeof (value as { $secret?: unknown }).$secret === 'string' ? (value as { $secret: string }).$secret : '';

/**
 * secret params: the name of a secret, stored as `{ "$secret": "NAME" }`. The
 * value itself never enters the file; it comes from the app's secret store or
 * PIPEWRIGHT_SECRET_<NAME>.
 */
export function SecretField({ testId, value, onChange, invalid, label }: FieldProps) {
  return (
    <div className="pw-secret">
      <span className="pw-secret__lock" aria-hidden="true">
        <LockIcon />
      </span>
      <input
        className="pw-input pw-input--mono"
        data-testid={testId}
        aria-label={`${label}: secret name`}
        aria-invalid={invalid}
        placeholder="SECRET_NAME"
        spellCheck={false}
        value={secretName(value)}
        onChange={(e) => {
          const name = toSecretName(e.target.value);
          onChange(name === '' ? undefined : { $secret: name });
        }}
      />
    </div>
  );
}
