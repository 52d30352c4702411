# Sourced by a GitLab CI job: exchanges the job's OIDC ID token for one AWS role's credentials
# (`aws sts assume-role-with-web-identity`) and exports them to the rest of the job. No stored
# keys: the role's trust policy (infra/cluster, ciProvider gitlab) decides which jobs get it.
#   . tools/ci/bin/aws-web-identity.sh <role-arn>
# Needs AWS_ID_TOKEN (the job's `id_tokens:` entry with `aud: sts.amazonaws.com`) and AWS_REGION.
# shellcheck shell=bash

aws_web_identity() {
  local role=${1:-}
  if [ -z "$role" ]; then
    echo "aws-web-identity.sh: no role ARN given (is its CI/CD variable set for this branch and environment?)" >&2
    return 2
  fi
  if [ -z "${AWS_ID_TOKEN:-}" ]; then
    echo "aws-web-identity.sh: AWS_ID_TOKEN is not set (the job needs id_tokens: AWS_ID_TOKEN: aud: sts.amazonaws.com)" >&2
    return 2
  fi
  if [ -z "${AWS_REGION:-}" ]; then
    echo "aws-web-identity.sh: AWS_REGION is not set (a CI/CD variable)" >&2
    return 2
  fi
  local credentials
  # A session name IAM accepts (64 characters of [\w+=,.@-]) that names the pipeline and job.
  credentials=$(aws sts assume-role-with-web-identity --role-arn "$role" \
    --role-session-name "gitlab-${CI_PIPELINE_ID:-0}-${CI_JOB_ID:-0}" \
    --web-identity-token "$AWS_ID_TOKEN" --duration-seconds 3600 \
    --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text) || {
    echo "aws-web-identity.sh: AWS refused the job's ID token for $role (its trust policy names the subjects it accepts)" >&2
    return 1
  }
  local key secret session
  read -r key secret session <<< "$credentials"
  if [ -z "$session" ]; then
    echo "aws-web-identity.sh: STS answered without credentials for $role" >&2
    return 1
  fi
  export AWS_ACCESS_KEY_ID=$key AWS_SECRET_ACCESS_KEY=$secret AWS_SESSION_TOKEN=$session
  export AWS_DEFAULT_REGION=$AWS_REGION
  echo "aws-web-identity.sh: assumed $role"
}

aws_web_identity "$@"
