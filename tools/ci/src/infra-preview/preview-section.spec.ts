import { describe, expect, it } from 'vitest';
import { MAX_PREVIEW_CHARS, previewSection, resourceSummary } from './preview-section.js';

const PREVIEW = [
  'Previewing update (acme/infra-cluster/staging)',
  '',
  '    ~ aws:iam/role:Role platform-staging-nodes-role update [diff: ~permissionsBoundary]',
  '',
  'Policies:',
  '    ✅ infra-policies@v0.0.0 (local: ../policies)',
  '',
  'Resources:',
  '    ~ 1 to update',
  '    +-1 to replace',
  '    52 unchanged',
  '',
].join('\n');

describe('previewSection', () => {
  it('leads with the resource summary, then the whole output', () => {
    expect(resourceSummary(PREVIEW)).toEqual(['~ 1 to update', '+-1 to replace', '52 unchanged']);
    const section = previewSection({
      project: 'infra-cluster',
      stack: 'staging',
      preview: PREVIEW,
    });
    expect(section).toContain('### Pulumi preview: `infra-cluster` / `staging`');
    expect(section).toContain('- +-1 to replace');
    expect(section).toContain('✅ infra-policies@v0.0.0');
  });

  it('says so when the preview failed', () => {
    expect(previewSection({ project: 'p', stack: 's', preview: 'error: AccessDenied' })).toContain(
      '**The preview failed**',
    );
  });

  it('keeps text from the pull request inside its fence, and cuts a long preview', () => {
    const hostile = 'before\n```\n</details>\n# injected\n````';
    const section = previewSection({ project: 'p', stack: 's', preview: hostile });
    expect(section).toContain('`````\nbefore');
    const long = previewSection({
      project: 'p',
      stack: 's',
      preview: 'x'.repeat(MAX_PREVIEW_CHARS * 2),
    });
    expect(long.length).toBeLessThan(MAX_PREVIEW_CHARS + 1000);
    expect(long).toContain('(cut:');
  });
});
