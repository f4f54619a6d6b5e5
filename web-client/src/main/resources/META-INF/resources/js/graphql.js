// The one way the app talks to the server: POST /graphql with a JSON body. The session is an
// HttpOnly cookie the script never sees.

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
    throw new NetworkError('Cordée cannot be reached. Check your connection and try again.');
  }
  if (response.status === 401) {
    throw unauthenticated(new GraphQLError([{ message: 'Sign in first', extensions: { classification: 'UNAUTHORIZED' } }]));
  }
  let body;
  try {
    body = await response.json();
  } catch (e) {
    throw new NetworkError(`The server answered ${response.status} without a GraphQL response.`);
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
