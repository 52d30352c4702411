import { testEnvironment } from '@platform/environments/testing';
import { describe, expect, it } from 'vitest';
import { imagesToProtect } from './images-to-protect.js';

const registry = '100000000001.dkr.ecr.eu-west-1.amazonaws.com/acme-qa';
const build = testEnvironment('qa', { imageRegistry: registry });
const digest = `sha256:${'ab'.repeat(32)}`;
const imageFile = (image: string) => `image: ${image}\n`;

describe('imagesToProtect', () => {
  it('tags what a promotion makes another environment run, in the build registry', () => {
    const { images, skipped } = imagesToProtect(
      [
        {
          file: 'apps/orders/deploy/images/live.yaml',
          text: imageFile(`${registry}/orders@${digest}`),
        },
      ],
      build,
    );
    expect(images).toEqual([
      {
        environment: 'live',
        app: 'orders',
        repositoryName: 'acme-qa/orders',
        imageId: `imageDigest=${digest}`,
        protectTag: `keep-live-${'ab'.repeat(10)}`,
      },
    ]);
    expect(skipped).toEqual([]);
  });

  it('leaves the build environment to its keep-last-N window, and names images it cannot protect', () => {
    const { images, skipped } = imagesToProtect(
      [
        {
          file: 'apps/orders/deploy/images/qa.yaml',
          text: imageFile(`${registry}/orders@${digest}`),
        },
        { file: 'apps/web/deploy/images/live.yaml', text: imageFile('ghcr.io/acme/web:1.2.3') },
        { file: 'apps/web/deploy/images/other.txt', text: 'x' },
      ],
      build,
    );
    expect(images).toEqual([]);
    expect(skipped).toEqual([
      expect.stringContaining(
        "apps/web/deploy/images/live.yaml: ghcr.io/acme/web is not in qa's registry",
      ),
    ]);
  });

  it('protects a tagged image by its tag', () => {
    const [image] = imagesToProtect(
      [
        {
          file: 'apps/orders/deploy/images/live.yaml',
          text: imageFile(`${registry}/orders:1.4.0`),
        },
      ],
      build,
    ).images;
    expect(image).toMatchObject({ imageId: 'imageTag=1.4.0', protectTag: 'keep-live-1.4.0' });
  });

  it('refuses a broken image file, naming it', () => {
    expect(() =>
      imagesToProtect([{ file: 'apps/orders/deploy/images/live.yaml', text: 'image: [' }], build),
    ).toThrow('apps/orders/deploy/images/live.yaml');
  });
});
