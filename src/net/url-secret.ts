/** An address as it may be shown or logged: the user kept, the password out. */
export function hideUrlSecret(value: string): string {
  return value.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
