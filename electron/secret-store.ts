// The store moved to node-library (serve mode uses it too); kept for imports of the old path.
export { SecretStore, type SafeStorageLike } from '../node-library/backend/secret-store';
