import { z } from 'zod';

/** Ids name nodes and edges in the document and in reports: short, no spaces. */
export const idString = () =>
  z.string({ error: 'must be an id: 1–64 letters, digits, "_", "-" or "."' })
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, { error: 'must be an id: 1–64 letters, digits, "_", "-" or "."' });

/** UTF-8 byte length without TextEncoder, which the engine's ES-only lib does not declare. */
export function utf8Length(s: string): number {
  let bytes = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** RabbitMQ: routing and binding keys are limited to 255 bytes (semantics.md A1.2, TUT5). */
export const routingKey = () =>
  z.string({ error: 'must be a string (a routing key)' })
    .refine((s) => utf8Length(s) <= 255, { error: 'must be at most 255 bytes (RabbitMQ limit for routing keys)' });

export const text = (max: number) =>
  z.string({ error: 'must be a string' }).max(max, { error: `must be at most ${max} characters` });

export const headerValue = z.union([z.string().max(1024), z.number().finite(), z.boolean()], {
  error: 'a header value must be a string (≤ 1024 characters), a finite number or a boolean',
});

export const headers = () =>
  z.record(z.string().min(1).max(255), headerValue, { error: 'must be an object of header names to values' })
    .refine((h) => Object.keys(h).length <= 64, { error: 'must have at most 64 headers' });
