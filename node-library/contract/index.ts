export * from './api';
export * from './errors';
export * from './events';
export * from './node-types';
export * from './pipeline';
export * from './wire';
export * from './runs';
export * from './schedule';
