// A scripted OpenAI-compatible HTTP server on loopback: the real @langchain/openai client talks to
// it exactly as it would to OpenAI, vLLM or Ollama. Each test scripts the replies.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequest {
  model: string;
  messages: Array<{ role: string; content: unknown; tool_calls?: unknown[]; tool_call_id?: string }>;
  tools?: Array<{ type: string; function: { name: string; parameters: unknown } }>;
  tool_choice?: unknown;
  response_format?: { type: string; json_schema?: { name: string; schema: unknown } };
}

export interface ChatReply {
  content?: string;
  toolCalls?: Array<{ name: string; args: unknown }>;
  /** Send a raw HTTP status instead (e.g. 500). */
  status?: number;
}

export type Script = (req: ChatRequest, callIndex: number) => ChatReply;

export interface ScriptedServer {
  baseURL: string;
  requests: ChatRequest[];
  close(): Promise<void>;
}

/** The name of the structured-output function or schema the client asked for, if any. */
export function structuredName(req: ChatRequest): string | undefined {
  if (req.response_format?.json_schema) return req.response_format.json_schema.name;
  const choice = req.tool_choice as { function?: { name?: string } } | undefined;
  return choice?.function?.name;
}

/** Reply with structured output in whichever way the client asked (json_schema or a forced tool call). */
export function structured(req: ChatRequest, value: unknown): ChatReply {
  if (req.response_format?.json_schema) return { content: JSON.stringify(value) };
  const name = structuredName(req) ?? req.tools?.[0]?.function.name ?? 'output';
  return { toolCalls: [{ name, args: value }] };
}

export async function startScriptedOpenAI(script: Script): Promise<ScriptedServer> {
  const requests: ChatRequest[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      if (!req.url?.endsWith('/chat/completions')) { res.writeHead(404).end('{}'); return; }
      const parsed = JSON.parse(body) as ChatRequest;
      requests.push(parsed);
      let reply: ChatReply;
      try {
        reply = script(parsed, requests.length - 1);
      } catch (err) {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: String(err) } }));
        return;
      }
      if (reply.status) { res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'scripted failure' } })); return; }
      const toolCalls = reply.toolCalls?.map((t, i) => ({ id: `call_${requests.length}_${i}`, type: 'function', function: { name: t.name, arguments: JSON.stringify(t.args) } }));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
        id: `chatcmpl-${requests.length}`, object: 'chat.completion', created: Math.floor(Date.now() / 1000), model: parsed.model,
        choices: [{ index: 0, finish_reason: toolCalls ? 'tool_calls' : 'stop', message: { role: 'assistant', content: reply.content ?? null, ...(toolCalls ? { tool_calls: toolCalls } : {}) } }],
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { baseURL: `http://127.0.0.1:${port}/v1`, requests, close: () => new Promise((r) => server.close(() => r())) };
}
