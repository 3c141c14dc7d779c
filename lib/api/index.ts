export * from './client';
export * from './errors';
export * from './labels';
export * from './schemas';
