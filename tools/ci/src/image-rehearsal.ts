import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { contextFiles, copyContext } from './build-context.js';

/** What the final stage of a rehearsed image holds and how it starts. */
export interface RehearsedImage {
  /** Directory standing in for the runtime image's filesystem root. */
  readonly rootfs: string;
  readonly workdir: string;
  readonly env: Readonly<Record<string, string>>;
  readonly user?: string;
  readonly cmd: readonly string[];
  readonly contextFileCount: number;
}

/** Something the rehearsal cannot do as Docker would: it names the instruction. */
export class RehearsalError extends Error {
  override name = 'RehearsalError';
}

/**
 * Builds a Dockerfile without a container engine, to prove its steps work on
 * this workspace: each stage gets a directory standing in for its filesystem,
 * `COPY` copies from the real build context (or another stage), `RUN` runs its
 * command on the host in the stage's WORKDIR. Base images are not pulled (the
 * host's Node stands in for them), so what only a real build proves — the base
 * image, users, file ownership — stays for CI's docker build.
 */
export async function rehearseImage(root: string, dockerfile: string): Promise<RehearsedImage> {
  const parsed = DockerfileParser.parse(readFileSync(join(root, dockerfile), 'utf8'));
  const work = await mkdtemp(join(tmpdir(), 'image-rehearsal-'));
  const files = contextFiles(root, dockerfile);
  const context = join(work, 'context');
  await copyContext(root, files, context);

  const args: Record<string, string> = {};
  const stages = new Map<string, string>();
  const instructions = parsed.getInstructions();
  let stage:
    | {
        name: string;
        rootfs: string;
        workdir: string;
        env: Record<string, string>;
        user?: string;
        cmd: string[];
      }
    | undefined;
  const expand = (text: string, vars: Record<string, string>) =>
    text.replace(
      /\$\{(\w+)\}|\$(\w+)/g,
      (_m, a: string | undefined, b: string | undefined) => vars[a ?? b ?? ''] ?? '',
    );
  const inStage = (path: string) =>
    join(stage?.rootfs ?? work, isAbsolute(path) ? path : join(stage?.workdir ?? '/', path));

  for (const instruction of instructions) {
    const keyword = instruction.getKeyword();
    const text = instruction.getArgumentsContent() ?? '';
    if (keyword === 'ARG') {
      const [name = '', value = ''] = text.split('=', 2);
      if (!stage || !(name in args)) args[name] = value;
      continue;
    }
    if (keyword === 'FROM') {
      const [, name = `stage-${stages.size}`] = text.split(/\s+as\s+/i);
      const rootfs = join(work, 'stages', name);
      await mkdir(rootfs, { recursive: true });
      stage = { name, rootfs, workdir: '/', env: {}, cmd: [] };
      stages.set(name, rootfs);
      continue;
    }
    if (!stage) throw new RehearsalError(`${keyword} before FROM`);
    const vars = { ...args, ...stage.env };
    switch (keyword) {
      case 'WORKDIR':
        stage.workdir = expand(text, vars);
        await mkdir(inStage('.'), { recursive: true });
        break;
      case 'ENV':
        for (const [, key = '', value = ''] of expand(text, vars).matchAll(/(\w+)=("[^"]*"|\S+)/g))
          stage.env[key] = value.replace(/^"|"$/g, '');
        break;
      case 'COPY':
        // getArgumentsContent() leaves flags such as --from out; the raw text keeps them.
        await copyInstruction(
          instruction,
          expand(instruction.getTextContent().replace(/^\s*COPY\s+/i, ''), vars),
          { context, stages, inStage },
        );
        break;
      case 'RUN': {
        const command = expand(text, vars).replace(/--mount=\S+\s*/g, '');
        execFileSync('bash', ['-ec', command], {
          cwd: inStage('.'),
          stdio: 'inherit',
          env: { ...process.env, ...stage.env },
        });
        break;
      }
      case 'USER':
        stage.user = text;
        break;
      case 'CMD':
        stage.cmd = JSON.parse(text) as string[];
        break;
      case 'EXPOSE':
        break;
      default:
        throw new RehearsalError(
          `line ${instruction.getRange().start.line + 1}: ${keyword} is not supported by the rehearsal`,
        );
    }
  }
  if (!stage) throw new RehearsalError(`${dockerfile} has no stage`);
  return {
    rootfs: stage.rootfs,
    workdir: stage.workdir,
    env: stage.env,
    user: stage.user,
    cmd: stage.cmd,
    contextFileCount: files.length,
  };
}

async function copyInstruction(
  instruction: Instruction,
  text: string,
  at: { context: string; stages: Map<string, string>; inStage: (path: string) => string },
): Promise<void> {
  const words = text.split(/\s+/);
  const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
  const paths = words.filter((w) => !w.startsWith('--'));
  const destination = paths.pop();
  if (!destination || paths.length === 0)
    throw new RehearsalError(
      `line ${instruction.getRange().start.line + 1}: COPY needs a source and a destination`,
    );
  const sourceRoot = from ? at.stages.get(from) : at.context;
  if (!sourceRoot)
    throw new RehearsalError(
      `line ${instruction.getRange().start.line + 1}: no stage named '${from}'`,
    );
  for (const source of paths) {
    const target = at.inStage(destination);
    await cp(
      join(sourceRoot, source),
      source === '.'
        ? target
        : destination.endsWith('/')
          ? join(target, source.split('/').pop() ?? '')
          : target,
      {
        recursive: true,
        verbatimSymlinks: true,
      },
    );
  }
}
