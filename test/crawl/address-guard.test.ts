import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertPublicHost, isPrivateAddress, StaticFetcher } from '../../src/crawl/index.js';
import { startServer, type LocalServer, testFetcher } from './local-server.js';

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['100.128.0.1', false],
    ['0.0.0.0', true],
    ['224.0.0.1', true],
    ['255.255.255.255', true],
    ['192.0.2.10', true],
    ['8.8.8.8', false],
    ['93.184.215.14', false],
    ['::1', true],
    ['::', true],
    ['fe80::1', true],
    ['fe80::1%eth0', true],
    ['fc00::1', true],
    ['fd12:3456::1', true],
    ['ff02::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['::ffff:10.0.0.1', true],
    ['::ffff:8.8.8.8', false],
    ['::127.0.0.1', true],
    ['64:ff9b::10.0.0.1', true],
    ['64:ff9b::8.8.8.8', false],
    ['64:ff9b:1::808:808', true],
    ['2001::1', true],
    ['2002:7f00:1::', true],
    ['2002:808:808::', false],
    ['2001:db8::1', true],
    ['2606:4700:4700::1111', false],
    ['[::1]', true],
    ['not an ip', true],
  ])('%s → %s', (ip, expected) => {
    expect(isPrivateAddress(ip)).toBe(expected);
  });
});

describe('the private-address guard in StaticFetcher', () => {
  let server: LocalServer;
  let fetcher: StaticFetcher;
  const signal = (): AbortSignal => new AbortController().signal;

  beforeAll(async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>ok</html>');
    });
    fetcher = testFetcher();
  });

  afterAll(async () => {
    await fetcher.close();
    await server.close();
  });

  it('refuses loopback literals and names that resolve to loopback, saying how to allow them', async () => {
    for (const url of [
      server.url('/'),
      `http://localhost:${server.port}/`,
      `http://[::1]:${server.port}/`,
      `http://[::ffff:127.0.0.1]:${server.port}/`,
    ]) {
      await expect(fetcher.fetch({ url, allowPrivateAddresses: false }, signal())).rejects.toMatchObject({
        name: 'SkipError',
        code: 'private-address',
        message: expect.stringContaining('GLEANER_ALLOW_PRIVATE_ADDRESSES=true'),
      });
    }
    expect(server.connections()).toBe(0);
  });

  it('allows them when the request allows private addresses', async () => {
    const page = await fetcher.fetch(
      { url: `http://localhost:${server.port}/`, allowPrivateAddresses: true },
      signal(),
    );
    expect(page.status).toBe(200);
  });

  it('assertPublicHost checks literals and resolved names without connecting', async () => {
    await expect(assertPublicHost('127.0.0.1')).rejects.toMatchObject({ code: 'private-address' });
    await expect(assertPublicHost('localhost')).rejects.toMatchObject({ code: 'private-address' });
    await expect(assertPublicHost('[::1]')).rejects.toMatchObject({ code: 'private-address' });
    await expect(assertPublicHost('8.8.8.8')).resolves.toBeUndefined();
    await expect(assertPublicHost('nowhere.invalid')).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });
});
