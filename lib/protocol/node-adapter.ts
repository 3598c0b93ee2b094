// Adapter from node:http to the framework-free handler: bounded body reading, source address, TLS flag.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Handler } from './handler';
import type { WireRequest } from './wire';

/** Serves `handler` on a node:http request; bodies over `maxBodyBytes` get AWS's 413 error. */
export function nodeListener(handler: Handler, maxBodyBytes: number) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        tooLarge = true;
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (tooLarge) {
        res.writeHead(413, { 'content-type': 'text/xml', connection: 'close' });
        res.end(
          '<ErrorResponse><Error><Type>Sender</Type><Code>RequestEntityTooLarge</Code>' +
            `<Message>Request body must be at most ${maxBodyBytes} bytes.</Message></Error><RequestId>0</RequestId></ErrorResponse>`,
        );
        return;
      }
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(',') : value;
      const request: WireRequest = {
        method: req.method ?? 'GET',
        path: q < 0 ? url : url.slice(0, q),
        query: q < 0 ? '' : url.slice(q + 1),
        headers,
        body: Buffer.concat(chunks).toString('utf8'),
        sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
        secure: Boolean((req.socket as { encrypted?: boolean }).encrypted),
      };
      handler(request).then(
        (response) => {
          res.writeHead(response.status, { ...response.headers, 'content-length': Buffer.byteLength(response.body) });
          res.end(response.body);
        },
        () => {
          res.writeHead(500, { 'content-type': 'text/xml' });
          res.end('<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceFailure</Code><Message>Internal error</Message></Error></ErrorResponse>');
        },
      );
    });
  };
}
