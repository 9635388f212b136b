export { createSimulation } from './simulation';
export * from './api';
