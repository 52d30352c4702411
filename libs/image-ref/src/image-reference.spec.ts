import { describe, expect, it } from 'vitest';
import {
  imageReferenceOf,
  InvalidImageReferenceError,
  formatImageReference,
  imageVersion,
  parseImageReference,
} from './image-reference.js';

const DIGEST = `sha256:${'a1'.repeat(32)}`;

describe('parseImageReference', () => {
  it.each([
    ['ghcr.io/acme/demo-service:1.2.3', { repository: 'ghcr.io/acme/demo-service', tag: '1.2.3' }],
    ['localhost:5000/demo:sha-0a1b2c', { repository: 'localhost:5000/demo', tag: 'sha-0a1b2c' }],
    ['busybox:1.36', { repository: 'busybox', tag: '1.36' }],
    [
      '111122223333.dkr.ecr.eu-west-1.amazonaws.com/demo-service:3f2c1ab',
      { repository: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/demo-service', tag: '3f2c1ab' },
    ],
    [`ghcr.io/acme/demo@${DIGEST}`, { repository: 'ghcr.io/acme/demo', digest: DIGEST }],
  ])('accepts %s', (reference, expected) => {
    expect(parseImageReference(reference)).toEqual(expected);
    expect(formatImageReference(parseImageReference(reference))).toBe(reference);
  });

  it.each([
    ['', 'it is empty'],
    ['ghcr.io/acme/demo', 'it has no tag'],
    ['localhost:5000/demo', 'it has no tag'],
    ['ghcr.io/acme/demo:latest', "tag 'latest' is mutable"],
    ['ghcr.io/acme/demo:LATEST', "tag 'LATEST' is mutable"],
    ['ghcr.io/acme/demo:', 'the tag is empty'],
    ['ghcr.io/acme/demo:-bad', "tag '-bad' is not a valid OCI tag"],
    [`ghcr.io/acme/demo:${'x'.repeat(129)}`, 'is not a valid OCI tag'],
    ['ghcr.io/acme/demo@sha256:abc', 'is not of the form sha256:<64 lowercase hex characters>'],
    [`ghcr.io/acme/demo:1.0@${DIGEST}`, 'give a tag or a digest, not both'],
    ['ghcr.io/Acme/demo:1.0', "repository path component 'Acme' must be lowercase"],
    [' ghcr.io/acme/demo:1.0', 'leading or trailing whitespace'],
    ['bad_host.io:99999999/demo:1.0', "registry host 'bad_host.io:99999999' is malformed"],
  ])('rejects %j with a reason', (reference, reason) => {
    expect(() => parseImageReference(reference)).toThrow(InvalidImageReferenceError);
    expect(() => parseImageReference(reference)).toThrow(reason);
  });

  it('names the reference in the error message', () => {
    expect(() => parseImageReference('demo:latest')).toThrow(
      /^invalid image reference 'demo:latest'/,
    );
  });
});

describe('imageVersion', () => {
  it('is the tag for a tagged reference', () => {
    expect(imageVersion(parseImageReference('demo:1.2.3'))).toBe('1.2.3');
  });

  it('is the first 12 hex characters of a digest', () => {
    expect(imageVersion(parseImageReference(`demo@${DIGEST}`))).toBe('a1a1a1a1a1a1');
  });

  it('is a valid label value even when the tag ends with a separator', () => {
    expect(imageVersion(parseImageReference('demo:_v1.'))).toMatch(
      /^[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/,
    );
  });
});

describe('imageReferenceOf', () => {
  const digest = `sha256:${'a'.repeat(64)}`;

  it('parses text and returns a parsed reference as it is', () => {
    const parsed = { repository: 'ghcr.io/acme/orders', tag: '1.4.2' };
    expect(imageReferenceOf('ghcr.io/acme/orders:1.4.2')).toEqual(parsed);
    expect(imageReferenceOf(parsed)).toBe(parsed);
    expect(imageReferenceOf({ repository: 'ghcr.io/acme/orders', digest })).toEqual({
      repository: 'ghcr.io/acme/orders',
      digest,
    });
  });

  it.each([
    [{ repository: 'ghcr.io/acme/orders', tag: 'latest' }, /tag 'latest' is mutable/],
    [{ repository: 'ghcr.io/acme/orders' }, /the tag is empty/],
    [{ repository: 'ghcr.io/acme/orders', tag: '1.0', digest }, /a tag or a digest, not both/],
    [{ repository: 'Ghcr.io/ACME', tag: '1.0' }, /repository path component 'ACME'/],
    [{ repository: 'ghcr.io/acme/orders', digest: 'sha256:x' }, /is not of the form sha256/],
  ])('refuses a parsed reference that is not deployable: %j', (image, message) => {
    expect(() => imageReferenceOf(image)).toThrow(message);
  });
});
