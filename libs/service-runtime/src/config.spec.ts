import { platformServiceContract } from '@platform/service-contracts';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has a default for every variable', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      logLevel: 'info',
      serviceVersion: '0.0.0-dev',
      gitSha: 'unknown',
      environment: 'local',
      drainDelayMs: 5000,
      shutdownGraceMs: 20000,
      keepAliveTimeoutMs: 65000,
      headersTimeoutMs: 10000,
      requestTimeoutMs: 30000,
    });
  });

  it("fits drain and grace inside the contract's termination grace period", () => {
    const { drainDelayMs, shutdownGraceMs } = loadConfig({});
    expect(drainDelayMs + shutdownGraceMs).toBeLessThan(
      platformServiceContract.terminationGracePeriodSeconds * 1000,
    );
  });

  it('coerces and normalises what it is given', () => {
    const config = loadConfig({
      PORT: '9090',
      LOG_LEVEL: 'DEBUG',
      SERVICE_VERSION: '1.4.2',
      GIT_SHA: '0a1b2c3d4e5f',
      ENVIRONMENT: 'production',
      SHUTDOWN_DRAIN_DELAY_MS: '0',
      SHUTDOWN_GRACE_MS: '1500',
      KEEP_ALIVE_TIMEOUT_MS: '70000',
    });
    expect(config).toMatchObject({
      port: 9090,
      logLevel: 'debug',
      serviceVersion: '1.4.2',
      gitSha: '0a1b2c3d4e5f',
      environment: 'production',
      drainDelayMs: 0,
      shutdownGraceMs: 1500,
      keepAliveTimeoutMs: 70000,
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: '' })).toMatchObject({ port: 8080, logLevel: 'info' });
  });

  it.each([
    ['PORT', { PORT: 'eighty' }, "expected an integer from 1 to 65535, got 'eighty'"],
    ['PORT', { PORT: '70000' }, "got '70000'"],
    ['PORT', { PORT: '8080.5' }, "got '8080.5'"],
    ['PORT', { PORT: '0x1F90' }, "got '0x1F90'"],
    [
      'LOG_LEVEL',
      { LOG_LEVEL: 'verbose' },
      "expected one of fatal, error, warn, info, debug, trace, silent, got 'verbose'",
    ],
    ['SERVICE_VERSION', { SERVICE_VERSION: 'has space' }, 'expected a version'],
    ['GIT_SHA', { GIT_SHA: 'XYZ' }, 'expected a git commit SHA'],
    ['ENVIRONMENT', { ENVIRONMENT: 'Prod_1' }, 'expected an environment name'],
    [
      'SHUTDOWN_DRAIN_DELAY_MS',
      { SHUTDOWN_DRAIN_DELAY_MS: '-1' },
      'expected an integer from 0 to 300000',
    ],
    ['SHUTDOWN_GRACE_MS', { SHUTDOWN_GRACE_MS: '10' }, 'expected an integer from 100'],
    ['KEEP_ALIVE_TIMEOUT_MS', { KEEP_ALIVE_TIMEOUT_MS: 'forever' }, "got 'forever'"],
    [
      'HEADERS_TIMEOUT_MS',
      { HEADERS_TIMEOUT_MS: '40000' },
      '40000 is above REQUEST_TIMEOUT_MS (30000)',
    ],
  ])('rejects a bad %s with one line naming it', (variable, env, problem) => {
    const error = (() => {
      try {
        loadConfig(env);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as Error).message).toBe(
      `invalid configuration: ${variable}: ${(error as Error).message.split(`${variable}: `)[1]}`,
    );
    expect((error as Error).message).toContain(problem);
    expect((error as Error).message).not.toContain('\n');
  });
});
