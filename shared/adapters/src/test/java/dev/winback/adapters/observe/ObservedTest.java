package dev.winback.adapters.observe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.winback.core.observe.Metric;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObservedTest {

    private final List<String> lines = new ArrayList<>();
    private final Observed observed = new Observed(new EmfMetrics("winback", lines::add, Clock.systemUTC()));

    @Test
    void sqs_aBatchOfOneIsCorrelatedByItsMessage_aLargerOneByTheRequest() {
        Context context = context("req-7");

        String one = observed.sqs(batch("m-1"), context, () -> InvocationFields.current().correlationId());
        String two = observed.sqs(batch("m-1", "m-2"), context, () -> InvocationFields.current().correlationId());

        assertThat(one).isEqualTo("m-1");
        assertThat(two).isEqualTo("req-7");
        assertThat(InvocationFields.current()).as("after the invocation").isEqualTo(InvocationFields.NONE);
    }

    @Test
    void api_isCorrelatedByApiGatewaysRequestId_andNamesTheFunctionAndRequest() {
        APIGatewayV2HTTPEvent request = new APIGatewayV2HTTPEvent();
        request.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("api-9").build());

        InvocationFields fields = observed.api(request, context("req-8"), InvocationFields::current);

        assertThat(fields.correlationId()).isEqualTo("api-9");
        assertThat(fields.requestId()).isEqualTo("req-8");
        assertThat(fields.functionName()).isEqualTo("winback-test");
    }

    @Test
    void invoke_writesTheCountsWhenTheInvocationEnds_evenWhenItThrows() {
        assertThatThrownBy(() -> observed.invoke(context("req-1"), null, () -> {
            observed.metrics().add(Metric.EVENTS_REJECTED, 1);
            assertThat(lines).as("not before the end").isEmpty();
            throw new IllegalStateException("failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(lines).singleElement().asString().contains("\"EventsRejected\":1");
    }

    @Test
    void invoke_onlyTheFirstInvocationOfTheProcessIsTheColdStart() {
        observed.invoke(null, null, InvocationFields::current);

        assertThat(observed.invoke(null, null, InvocationFields::current).coldStart()).isFalse();
    }

    @Test
    void xrayTraceId_isTheRootOfTheTraceHeader() {
        String before = System.getProperty("com.amazonaws.xray.traceHeader");
        System.setProperty("com.amazonaws.xray.traceHeader", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
        try {
            assertThat(Observed.xrayTraceId()).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
        } finally {
            if (before == null) System.clearProperty("com.amazonaws.xray.traceHeader");
            else System.setProperty("com.amazonaws.xray.traceHeader", before);
        }
    }

    private static SQSEvent batch(String... ids) {
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (String id : ids) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId(id);
            messages.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(messages);
        return event;
    }

    /** The two things Observed reads of the Lambda context. */
    static Context context(String requestId) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAwsRequestId" -> requestId;
                    case "getFunctionName" -> "winback-test";
                    default -> null;
                });
    }
}
