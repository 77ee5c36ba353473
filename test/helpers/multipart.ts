// Builds a multipart/form-data body the way a browser or curl would, for app.inject.
export async function multipart(files: Array<{ name: string; content: Buffer | string; field?: string }>, fields: Record<string, string> = {}): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  for (const f of files) fd.append(f.field ?? 'file', new Blob([typeof f.content === 'string' ? f.content : new Uint8Array(f.content)]), f.name);
  const req = new Request('http://local/upload', { method: 'POST', body: fd });
  return { payload: Buffer.from(await req.arrayBuffer()), headers: { 'content-type': req.headers.get('content-type')! } };
}
