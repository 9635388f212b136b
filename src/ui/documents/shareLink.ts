import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { parseScenarioText, type ParseResult, type Scenario } from '../../schema';

const PREFIX = '#scenario=';

/** The hash part of a share link: the scenario JSON, lz-string compressed. */
export function encodeShareHash(scenario: Scenario): string {
  return PREFIX + compressToEncodedURIComponent(JSON.stringify(scenario));
}

export function shareUrl(scenario: Scenario, location: { origin: string; pathname: string }): string {
  return `${location.origin}${location.pathname}${encodeShareHash(scenario)}`;
}

/** null when the hash holds no scenario; otherwise the parsed document or its errors. */
export function decodeShareHash(hash: string): ParseResult | null {
  if (!hash.startsWith(PREFIX)) return null;
  const text = decompressFromEncodedURIComponent(hash.slice(PREFIX.length));
  if (!text) {
    return { ok: false, errors: [{ code: 'bad_link', path: '', message: 'the link is damaged: its scenario could not be decompressed (was it cut short when copied?)' }] };
  }
  return parseScenarioText(text);
}
