import * as pulumi from '@pulumi/pulumi';

/** The value of an Output, or a rejection after `timeoutMs` (an Output that never resolves). */
export function promiseOf<T>(output: pulumi.Input<T>, timeoutMs = 10_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`output unresolved after ${timeoutMs} ms`)),
      timeoutMs,
    );
    pulumi.output(output).apply((value) => {
      clearTimeout(timer);
      resolve(value as T);
      return value;
    });
  });
}
