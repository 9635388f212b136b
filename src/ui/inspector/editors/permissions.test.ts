import { describe, expect, it } from 'vitest';
import { nextPermissions } from './PermissionsEditor';

describe('permission lists (RabbitMQ write / read, SQS queue policy)', () => {
  it('restricting one list keeps the other at everyone (null); back to everyone removes the object', () => {
    const restricted = nextPermissions(undefined, ['publish', 'consume'], 'publish', []);
    expect(restricted).toEqual({ publish: [], consume: null });
    const chosen = nextPermissions(restricted, ['publish', 'consume'], 'publish', ['p1']);
    expect(chosen).toEqual({ publish: ['p1'], consume: null });
    expect(nextPermissions(chosen, ['publish', 'consume'], 'consume', ['c1'])).toEqual({ publish: ['p1'], consume: ['c1'] });
    expect(nextPermissions(chosen, ['publish', 'consume'], 'publish', null)).toBeUndefined();
  });

  it('an exchange has only a publish list', () => {
    expect(nextPermissions(null, ['publish'], 'publish', ['p1'])).toEqual({ publish: ['p1'] });
    expect(nextPermissions({ publish: ['p1'] }, ['publish'], 'publish', null)).toBeUndefined();
  });
});
