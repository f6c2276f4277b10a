import os from 'node:os';

/** Whether the server listens on every interface, so that other machines can reach it. */
export const listensOnNetwork = (host: string) => host === '0.0.0.0' || host === '::' || host === '';

/** The IPv4 addresses of this machine on its networks (Wi-Fi, cable), for the phones of the office. */
export function lanAddresses(interfaces: ReturnType<typeof os.networkInterfaces> = os.networkInterfaces()): string[] {
  return Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((i) => i.family === 'IPv4' && !i.internal && !i.address.startsWith('169.254.'))
    .map((i) => i.address);
}

/** The start-up lines that tell where to open the app: this computer, and the others of the network when it is served to them. */
export function whereToOpen(host: string, port: number, addresses: string[] = lanAddresses()): string[] {
  if (!listensOnNetwork(host)) return [];
  const lines = [`vetplan: trên máy này mở / on this computer open http://localhost:${port}`];
  if (addresses.length === 0) {
    lines.push(
      'vetplan: máy chưa có địa chỉ mạng nội bộ; hãy kết nối Wi-Fi hoặc mạng văn phòng / this computer has no office network address ' +
        'yet: connect it to Wi-Fi or the office network',
    );
    return lines;
  }
  for (const a of addresses)
    lines.push(
      `vetplan: điện thoại và máy khác trong mạng văn phòng mở / phones and other computers on the office network open http://${a}:${port}`,
    );
  return lines;
}
