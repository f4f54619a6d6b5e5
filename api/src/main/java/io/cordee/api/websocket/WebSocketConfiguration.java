package io.cordee.api.websocket;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webflux.GraphQlWebSocketHandler;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/**
 * Spring Boot's GraphQL WebSocket handler, built as Boot builds it (same timeouts, keep-alive and CORS),
 * with each session wrapped so that the server can close a connection with its own status
 * ({@link ClosableWebSocketSession}). Boot's own handler steps aside for this bean.
 */
@Configuration(proxyBeanMethods = false)
public class WebSocketConfiguration {

    @Bean
    GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, GraphQlProperties properties,
                                                    ObjectProvider<GraphQlCorsProperties> cors,
                                                    ServerCodecConfigurer codecs) {
        GraphQlProperties.Websocket websocket = properties.getWebsocket();
        GraphQlCorsProperties corsProperties = cors.getIfAvailable();
        CorsConfiguration corsConfiguration = corsProperties == null ? null : corsProperties.toCorsConfiguration();
        return corsConfiguration == null
                ? new ClosableSessionsHandler(handler, codecs, websocket)
                : new ClosableSessionsHandler(handler, codecs, websocket, corsConfiguration);
    }

    /** Hands Spring for GraphQL's handler a {@link ClosableWebSocketSession} for every connection. */
    static final class ClosableSessionsHandler extends GraphQlWebSocketHandler {

        ClosableSessionsHandler(WebGraphQlHandler handler, ServerCodecConfigurer codecs,
                                GraphQlProperties.Websocket websocket) {
            super(handler, codecs, websocket.getConnectionInitTimeout(), websocket.getKeepAlive());
        }

        ClosableSessionsHandler(WebGraphQlHandler handler, ServerCodecConfigurer codecs,
                                GraphQlProperties.Websocket websocket, CorsConfiguration cors) {
            super(handler, codecs, websocket.getConnectionInitTimeout(), websocket.getKeepAlive(), cors);
        }

        @Override
        public Mono<Void> handle(WebSocketSession session) {
            ClosableWebSocketSession closable = new ClosableWebSocketSession(session);
            session.getAttributes().put(ClosableWebSocketSession.ATTRIBUTE, closable);
            return super.handle(closable);
        }
    }
}
