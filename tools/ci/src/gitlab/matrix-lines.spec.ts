import { describe, expect, it } from 'vitest';
import { matrixLines } from './matrix-lines.js';

describe('matrixLines', () => {
  it('prints one tab-separated line per entry, the fields in the order asked', () => {
    const output =
      'programs=[{"project":"@platform/infra-cluster","dir":"infra/cluster","name":"infra-cluster"},' +
      '{"project":"@platform/infra-bootstrap","dir":"infra/bootstrap","name":"infra-bootstrap"}]\n';
    expect(matrixLines(output, ['dir', 'name'])).toBe(
      'infra/cluster\tinfra-cluster\ninfra/bootstrap\tinfra-bootstrap\n',
    );
  });

  it("prints '-' for an optional field an entry lacks, after the required ones", () => {
    const output =
      'staging=[{"dir":"infra/cluster","stack":"stage-hub"},' +
      '{"dir":"infra/cluster","stack":"stage-west","roleArn":"arn:aws:iam::100000000001:role/p-stage-west-gitlab-deploy","region":"eu-west-3"}]\n';
    expect(matrixLines(output, ['dir', 'stack'], ['roleArn', 'region'])).toBe(
      'infra/cluster\tstage-hub\t-\t-\n' +
        'infra/cluster\tstage-west\tarn:aws:iam::100000000001:role/p-stage-west-gitlab-deploy\teu-west-3\n',
    );
  });

  it('prints nothing for an empty matrix', () => {
    expect(matrixLines('images=[]\n', ['app'])).toBe('');
  });

  it.each([
    ['no line', '', ['app'], 'expected one <name>=<json> line, got 0'],
    ['not JSON', 'images=[{', ['app'], "'images=[{' is not <name>=<json>"],
    ['not a list', 'images={}', ['app'], 'the JSON is not an array'],
    [
      'a missing field',
      'images=[{"app":"orders"}]',
      ['app', 'dockerfile'],
      'entry 0 has no dockerfile',
    ],
    [
      'a value with a tab',
      'images=[{"app":"a\\tb"}]',
      ['app'],
      'entry 0 has no app that fits a line',
    ],
  ])('refuses %s, naming it', (_name, output, fields, message) => {
    expect(() => matrixLines(output, fields)).toThrow(message);
  });
});
