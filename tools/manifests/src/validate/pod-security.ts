import {
  allContainers,
  podTemplateOf,
  type ContainerView,
  type SecurityContextView,
} from './pod-template.js';
import { problemFor, type ManifestObject, type Problem } from './problem.js';

/** Volume types the "restricted" profile allows. */
const RESTRICTED_VOLUME_TYPES = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);
const ALLOWED_SELINUX_TYPES = new Set([
  'container_t',
  'container_init_t',
  'container_kvm_t',
  'container_engine_t',
]);
const SECURE_SECCOMP = new Set(['RuntimeDefault', 'Localhost']);

/**
 * Checks each pod template against the Pod Security Standards "restricted"
 * profile (which includes "baseline"), control by control, as the API server's
 * PodSecurity admission would.
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/
 */
export function checkRestrictedPodSecurity(manifest: ManifestObject): Problem[] {
  const template = podTemplateOf(manifest.object);
  if (!template) return [];
  const report = problemFor(manifest, 'pod-security');
  const spec = template.spec;
  const podContext = spec.securityContext ?? {};
  const problems: Problem[] = [];
  const fail = (message: string, fix: string) => problems.push(report(message, fix));

  for (const field of ['hostNetwork', 'hostPID', 'hostIPC'] as const) {
    if (spec[field] === true) fail(`${field} is true (host namespaces)`, `remove ${field}`);
  }
  if (podContext.windowsOptions?.hostProcess === true)
    fail('pod runs as a Windows HostProcess', 'remove windowsOptions.hostProcess');
  for (const volume of spec.volumes ?? []) {
    const type = Object.keys(volume).find((key) => key !== 'name');
    if (type && !RESTRICTED_VOLUME_TYPES.has(type)) {
      fail(
        `volume '${String(volume['name'])}' is of type ${type}`,
        `use one of: ${[...RESTRICTED_VOLUME_TYPES].join(', ')}`,
      );
    }
  }
  for (const sysctl of podContext.sysctls ?? []) {
    if (!SAFE_SYSCTLS.has(String(sysctl.name)))
      fail(`sysctl '${String(sysctl.name)}' is not in the safe set`, 'remove the sysctl');
  }
  checkSeLinux(podContext.seLinuxOptions, 'pod', fail);
  checkAppArmor(podContext.appArmorProfile?.type, 'pod', fail);
  for (const [key, value] of Object.entries(template.annotations)) {
    if (
      key.startsWith('container.apparmor.security.beta.kubernetes.io/') &&
      value !== 'runtime/default' &&
      !String(value).startsWith('localhost/')
    ) {
      fail(`annotation ${key} is ${String(value)}`, 'use runtime/default');
    }
  }
  if (podContext.seccompProfile?.type === 'Unconfined')
    fail('pod seccompProfile is Unconfined', 'set seccompProfile.type: RuntimeDefault');
  if (podContext.runAsUser === 0)
    fail('pod runAsUser is 0 (root)', 'run as a non-zero numeric user');

  const podNonRoot = podContext.runAsNonRoot === true;
  const podSeccomp = SECURE_SECCOMP.has(String(podContext.seccompProfile?.type));
  for (const { field, container } of allContainers(spec)) {
    checkContainer(
      `${field} '${String(container.name)}'`,
      container,
      { podNonRoot, podSeccomp },
      fail,
    );
  }
  return problems;
}

type Fail = (message: string, fix: string) => void;

function checkContainer(
  where: string,
  container: ContainerView,
  pod: { podNonRoot: boolean; podSeccomp: boolean },
  fail: Fail,
): void {
  const context = container.securityContext ?? {};
  if (context.privileged === true)
    fail(`${where} is privileged`, 'remove securityContext.privileged');
  if (context.windowsOptions?.hostProcess === true)
    fail(`${where} is a Windows HostProcess`, 'remove windowsOptions.hostProcess');
  if (context.procMount !== undefined && context.procMount !== 'Default')
    fail(`${where} has procMount ${String(context.procMount)}`, 'remove procMount');
  for (const port of container.ports ?? []) {
    if (port.hostPort !== undefined && port.hostPort !== 0)
      fail(
        `${where} uses hostPort ${String(port.hostPort)}`,
        'remove hostPort; expose it through a Service',
      );
  }
  checkSeLinux(context.seLinuxOptions, where, fail);
  checkAppArmor(context.appArmorProfile?.type, where, fail);
  if (context.allowPrivilegeEscalation !== false) {
    fail(
      `${where} does not set allowPrivilegeEscalation: false`,
      'set securityContext.allowPrivilegeEscalation: false',
    );
  }
  const nonRoot = context.runAsNonRoot ?? (pod.podNonRoot ? true : undefined);
  if (nonRoot !== true)
    fail(
      `${where} may run as root (runAsNonRoot is not true)`,
      'set runAsNonRoot: true on the pod or the container',
    );
  if (context.runAsUser === 0)
    fail(`${where} runAsUser is 0 (root)`, 'run as a non-zero numeric user');
  const seccomp = context.seccompProfile?.type;
  if (seccomp === 'Unconfined' || (!SECURE_SECCOMP.has(String(seccomp)) && !pod.podSeccomp)) {
    fail(
      `${where} has no RuntimeDefault or Localhost seccomp profile`,
      'set securityContext.seccompProfile.type: RuntimeDefault on the pod',
    );
  }
  const drop = (context.capabilities?.drop ?? []).map(String);
  if (!drop.includes('ALL'))
    fail(
      `${where} does not drop ALL capabilities`,
      "set securityContext.capabilities.drop: ['ALL']",
    );
  for (const added of context.capabilities?.add ?? []) {
    if (added !== 'NET_BIND_SERVICE')
      fail(
        `${where} adds capability ${String(added)}`,
        'add no capability other than NET_BIND_SERVICE',
      );
  }
}

function checkSeLinux(
  options: SecurityContextView['seLinuxOptions'],
  where: string,
  fail: Fail,
): void {
  if (!options) return;
  if (options.type !== undefined && !ALLOWED_SELINUX_TYPES.has(String(options.type)))
    fail(`${where} sets SELinux type ${String(options.type)}`, 'remove seLinuxOptions.type');
  if (options.user !== undefined || options.role !== undefined)
    fail(`${where} sets a SELinux user or role`, 'remove seLinuxOptions.user and .role');
}

function checkAppArmor(type: unknown, where: string, fail: Fail): void {
  if (type !== undefined && type !== 'RuntimeDefault' && type !== 'Localhost')
    fail(`${where} AppArmor profile is ${String(type)}`, 'use RuntimeDefault');
}
