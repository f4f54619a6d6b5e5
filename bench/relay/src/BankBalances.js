// A partner's query, compiled by Relay's compiler against the printed schema (bench/relay-compile.sh, ADR 0076).
// It uses Relay's @connection, which needs edges { cursor node } and pageInfo { hasNextPage endCursor }.
import { graphql } from 'react-relay';

export const bankBalances = graphql`
  query BankBalancesQuery($after: String) {
    bankBalances(first: 20, after: $after) @connection(key: "BankBalances_bankBalances") {
      edges { cursor node { id date amount { amountMinor currency } account { id name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const projects = graphql`
  query ProjectsQuery($after: String) {
    projects(first: 20, after: $after) @connection(key: "Projects_projects") {
      edges { cursor node { id name client { id name } invoices { id } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
