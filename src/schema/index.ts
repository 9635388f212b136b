export * from './parseScenario';
export * from './scenario';
export * from './node';
export * from './edge';
export * from './distribution';
export * from './errors';
export * from './connections';
export * from './nodeKinds';
export type { PortRole } from './ports';
