import {
  imdsv2Required,
  launchTemplatesAssignNoPublicIp,
  privateSubnetsAssignNoPublicIp,
} from '../rules/network-rules.js';
import type { PolicyCase, PolicyInput } from './validate.js';

const subnet = (props: object): PolicyInput => ({ type: 'aws:ec2/subnet:Subnet', props });
const template = (props: object): PolicyInput => ({
  type: 'aws:ec2/launchTemplate:LaunchTemplate',
  props,
});
const privateTags = {
  'kubernetes.io/role/internal-elb': '1',
  'kubernetes.io/cluster/platform-production': 'shared',
};
const imdsv2 = { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1 };

/** Resources each network rule must let through, and resources it must refuse. */
export const networkCases: PolicyCase[] = [
  [
    privateSubnetsAssignNoPublicIp,
    [
      subnet({ tags: privateTags, mapPublicIpOnLaunch: false }),
      subnet({ tags: { 'kubernetes.io/role/elb': '1' }, mapPublicIpOnLaunch: true }),
    ],
    [
      subnet({ tags: privateTags, mapPublicIpOnLaunch: true }),
      subnet({
        tags: { ...privateTags, 'kubernetes.io/role/elb': '1' },
        mapPublicIpOnLaunch: false,
      }),
    ],
  ],
  [
    launchTemplatesAssignNoPublicIp,
    [template({}), template({ networkInterfaces: [{ associatePublicIpAddress: 'false' }] })],
    [template({ networkInterfaces: [{ associatePublicIpAddress: 'true' }] })],
  ],
  [
    imdsv2Required,
    [
      template({ metadataOptions: imdsv2 }),
      template({ metadataOptions: { ...imdsv2, httpPutResponseHopLimit: 2 } }),
    ],
    [
      template({}),
      template({ metadataOptions: { httpTokens: 'optional' } }),
      template({ metadataOptions: { ...imdsv2, httpPutResponseHopLimit: 3 } }),
      { type: 'aws:ec2/instance:Instance', props: { metadataOptions: { httpTokens: 'optional' } } },
    ],
  ],
];
