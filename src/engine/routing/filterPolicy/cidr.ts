import { cidrContains, parseIp, type CidrBlock } from '../../../schema/filterPolicyIp';
import type { ValueTest } from './strings';

/**
 * A2.5 cidr (SNS-DOC:string-value-matching): a String value that is an IPv4 or IPv6 address inside the
 * block. Anything that is not an address, and any non-string, does not match. The block was parsed once
 * when the policy was read; each message parses only its own address.
 */
export function compileCidr(block: CidrBlock): ValueTest {
  return (v) => {
    if (typeof v !== 'string') return false;
    const ip = parseIp(v);
    return ip !== null && cidrContains(block, ip);
  };
}
