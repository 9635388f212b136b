import type { Channel } from '../document/connectionRules';

/** The id of a filter's second source handle: edges drawn from it carry `config.channel: 'invalid'`. */
export const INVALID_HANDLE = 'invalid';

/** The channel a connection leaves from, given the source handle it was drawn from. */
export const handleChannel = (handleId: string | null | undefined): Channel => (handleId === INVALID_HANDLE ? 'invalid' : 'main');
