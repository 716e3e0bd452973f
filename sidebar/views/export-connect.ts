/**
 * The connection to lexoffice or bexio on the export page. Not connected: a small form — paste the key or token (a
 * password field the browser does not remember), optionally another server address (the local test servers), "Test and
 * connect". Connected: "Connected to <account> (key ••••abcd)", Disconnect, and the import of the target's accounts and
 * tax rates into the spreadsheet's lists.
 *
 * The key goes to the server once and is gone from the page right after: the field is emptied on submit and never
 * filled from the server, which sends only the last four characters back.
 */
import type { ConnectionDto } from '../../src/shared/contract';
import { h } from '../dom';
import { exportTexts, type ApiTarget } from '../texts/export';
import { targetName } from './accounting-readout';

export interface ConnectMessage {
  text: string;
  tone: 'success' | 'info' | 'error';
}

export interface ConnectHandlers {
  connect(secret: string, baseUrl: string): void;
  disconnect(): void;
  importLists(): void;
}

/** The smallest key the server takes (contract: connectTarget.secret). */
export const MIN_SECRET_LENGTH = 8;

function messageView(message: ConnectMessage | null): HTMLElement {
  const box = h('p', { className: 'result-message export-connect-message', role: 'status', 'aria-live': 'polite', 'data-testid': 'export-connect-message', hidden: message === null });
  if (message !== null) {
    box.className = `result-message export-connect-message ${message.tone}`;
    box.dataset.tone = message.tone;
    box.textContent = message.text;
  }
  return box;
}

export function connectView(
  target: ApiTarget,
  connection: ConnectionDto | null,
  message: ConnectMessage | null,
  handlers: ConnectHandlers,
  baseUrlDraft = '',
): HTMLElement {
  const texts = exportTexts();
  const name = targetName(target);
  if (connection !== null && connection.connected) {
    const disconnect = h('button', { type: 'button', className: 'button', 'data-testid': 'export-disconnect' }, texts.disconnect);
    disconnect.addEventListener('click', () => handlers.disconnect());
    const importLists = h('button', { type: 'button', className: 'button', 'data-testid': 'export-import-lists' }, texts.importLists[target]);
    importLists.addEventListener('click', () => handlers.importLists());
    return h(
      'section',
      { className: 'export-connection connected', 'data-testid': 'export-connection', 'data-connected': 'true', 'aria-labelledby': 'export-connection-title' },
      h('h2', { id: 'export-connection-title', className: 'visually-hidden' }, texts.connectionTitle),
      h('p', { className: 'export-connected', 'data-testid': 'export-connected' }, h('span', { className: 'export-connected-dot', 'aria-hidden': 'true' }), texts.connectedTo(connection.accountName, connection.keyHint)),
      connection.baseUrl === '' ? null : h('p', { className: 'hint export-server', 'data-testid': 'export-server' }, texts.serverAt(connection.baseUrl)),
      h('div', { className: 'actions export-connection-actions' }, importLists, disconnect),
      messageView(message),
    );
  }

  const secret = h('input', {
    type: 'password',
    id: 'export-secret',
    name: 'export-secret',
    autocomplete: 'off',
    spellcheck: 'false',
    autocapitalize: 'off',
    'aria-describedby': 'export-secret-hint export-secret-error',
    'data-testid': 'export-secret',
  });
  const secretError = h('p', { className: 'field-error', id: 'export-secret-error', 'data-testid': 'export-secret-error', hidden: true });
  const baseUrl = h('input', {
    type: 'text',
    inputmode: 'url',
    id: 'export-base-url',
    name: 'export-base-url',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'https://…',
    'aria-describedby': 'export-base-url-hint',
    'data-testid': 'export-base-url',
  });
  baseUrl.value = baseUrlDraft;
  const advanced = h(
    'details',
    { className: 'export-advanced', 'data-testid': 'export-advanced', open: baseUrlDraft !== '' },
    h('summary', {}, texts.advanced),
    h(
      'div',
      { className: 'field' },
      h('label', { for: 'export-base-url' }, texts.baseUrlLabel),
      baseUrl,
      h('p', { className: 'hint', id: 'export-base-url-hint' }, texts.baseUrlHint(name)),
    ),
  );
  const submit = h('button', { type: 'submit', className: 'button primary', 'data-testid': 'export-connect-button' }, texts.testAndConnect);
  const secretField = h(
    'div',
    { className: 'field' },
    h('label', { for: 'export-secret' }, texts.keyLabel[target]),
    secret,
    secretError,
    h('p', { className: 'hint', id: 'export-secret-hint' }, `${texts.keyHint[target]} ${texts.keyStorage}`),
  );
  const form = h('form', { className: 'export-connect-form', novalidate: true, 'data-testid': 'export-connect-form' }, secretField, advanced, h('div', { className: 'actions' }, submit));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = secret.value.trim();
    if (value.length < MIN_SECRET_LENGTH) {
      secretField.classList.add('invalid');
      secret.setAttribute('aria-invalid', 'true');
      secretError.textContent = texts.keyTooShort;
      secretError.hidden = false;
      secret.focus();
      return;
    }
    // Out of the page before the call: nothing keeps the key once it is on its way.
    secret.value = '';
    secretField.classList.remove('invalid');
    secret.removeAttribute('aria-invalid');
    secretError.hidden = true;
    handlers.connect(value, baseUrl.value.trim());
  });
  return h(
    'section',
    { className: 'card export-connection', 'data-testid': 'export-connection', 'data-connected': 'false', 'aria-labelledby': 'export-connection-title' },
    h('h2', { id: 'export-connection-title' }, texts.connectTitle(name)),
    form,
    messageView(message),
  );
}
