// The one way the app talks to the server: POST /graphql with a JSON body. The session is an
// HttpOnly cookie the script never sees.
import { t } from './i18n.js';

export class GraphQLError extends Error {
  constructor(errors) {
    super(errors.map((e) => e.message).join('; '));
    this.errors = errors;
  }

  get unauthenticated() {
    return this.errors.some((e) => e.extensions?.classification === 'UNAUTHORIZED');
  }
}

export class NetworkError extends Error {}

export async function gql(query, variables = {}) {
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/graphql-response+json, application/json',
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch (e) {
    throw new NetworkError(t('app.unreachable'));
  }
  if (response.status === 401) {
    throw unauthenticated(new GraphQLError([{ message: 'Sign in first', extensions: { classification: 'UNAUTHORIZED' } }]));
  }
  let body;
  try {
    body = await response.json();
  } catch (e) {
    throw new NetworkError(t('app.noGraphQlAnswer', { status: response.status }));
  }
  if (body.errors?.length) {
    throw unauthenticated(new GraphQLError(body.errors));
  }
  return body.data;
}

/** A session that ended (expired, revoked) is announced, so the shell can show the sign-in form. */
function unauthenticated(error) {
  if (error.unauthenticated) {
    window.dispatchEvent(new CustomEvent('cordee-unauthenticated'));
  }
  return error;
}

/**
 * A GraphQL subscription over WebSocket (graphql-transport-ws), signed in by the session cookie the
 * browser sends with the handshake. Calls onNext with each result's data; returns a function that ends
 * it. onLive is told when the subscription is on or off. A dropped connection is reopened after a few
 * seconds; one the server closed because the session ended (4401) is not (ADR 22).
 */
/**
 * A query whose connection {@code key} takes {@code $after} and asks {@code pageInfo { hasNextPage endCursor }},
 * asked again page after page until the last; the nodes are gathered in the first answer, so a list never
 * stops silently at its first page.
 */
export async function gqlAll(query, variables, key) {
  const data = await gql(query, { ...variables, after: null });
  let page = data[key].pageInfo;
  while (page.hasNextPage) {
    const more = (await gql(query, { ...variables, after: page.endCursor }))[key];
    data[key].nodes.push(...more.nodes);
    page = more.pageInfo;
  }
  return data;
}

export function subscribe(query, onNext, onLive = () => {}, variables = undefined, onEnd = undefined) {
  let socket;
  let closed = false;
  let retry;
  const open = () => {
    socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
      'graphql-transport-ws');
    socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init' }));
    socket.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
        onLive(true);
      } else if (message.type === 'next' && message.payload?.data) {
        onNext(message.payload.data);
      } else if (message.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
      } else if ((message.type === 'complete' || message.type === 'error') && onEnd) {
        // the server ended the subscription (an import's job done, ADR 56) or refused it
        onEnd(message);
      }
    };
    // 4401: the session ended (signed out, expired, deactivated): show the sign-in form, do not retry.
    // 4403: the user's role changed: reopen at once with the new rights. Anything else: retry in 5 s.
    socket.onclose = (event) => {
      onLive(false);
      if (closed) return;
      if (event.code === 4401) {
        window.dispatchEvent(new CustomEvent('cordee-unauthenticated'));
        return;
      }
      retry = setTimeout(open, event.code === 4403 ? 500 : 5000);
    };
  };
  open();
  return () => {
    closed = true;
    clearTimeout(retry);
    socket?.close();
  };
}
