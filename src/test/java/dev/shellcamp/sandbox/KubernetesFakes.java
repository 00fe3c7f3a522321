package dev.shellcamp.sandbox;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.server.mock.OutputStreamMessage;
import io.fabric8.mockwebserver.dsl.EventDoneable;
import io.fabric8.mockwebserver.dsl.TimesOnceableOrHttpHeaderable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the mock API server lacks for these tests: it stores pods but runs none, so a fake kubelet
 * gives each new pod the status a node would; and a Screen that records what a TTY printed.
 */
final class KubernetesFakes {
  static final String NS = "class-ns";
  static final String IMAGE = "registry.example/shellcamp:1";

  /** Held, or the JDK's logging forgets the level set on it. */
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private KubernetesFakes() {
  }

  /**
   * The mock server logs every request at INFO on the JDK's logging; a passing run should print
   * nothing. An extension, declared before the mock's, so that it runs before the server starts.
   */
  static final class Quiet implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
      MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    }
  }

  static KubernetesBackend backend(KubernetesClient client, Duration startTimeout) {
    return new KubernetesBackend(client, NS, IMAGE, null, KubernetesBackend.STORAGE, startTimeout);
  }

  static Spec spec(String learner) {
    return new Spec("k7qf2m", learner, Sandboxes.name("k7qf2m", learner),
        Map.of("SHELLCAMP_CLASS_LINK", "http://shellcamp-class.class-ns.svc:8700#" + learner), Limits.DEFAULT);
  }

  /** The attach WebSocket of {@code pod} as fabric8's client asks for it (TTY, stdin and stdout). */
  static String attachPath(String pod) {
    return "/api/v1/namespaces/" + NS + "/pods/" + pod + "/attach?container=" + KubernetesPods.CONTAINER
        + "&tty=true&stdin=true&stdout=true";
  }

  /** The attach of {@code pod} as a WebSocket that first prints {@code text}; the test says what comes next. */
  static EventDoneable<TimesOnceableOrHttpHeaderable<Void>> attachOpens(KubernetesMockServer server, String pod,
      String text) {
    return server.expect().get().withPath(attachPath(pod)).andUpgradeToWebSocket()
        .open(new OutputStreamMessage(text));
  }

  /** An attach that prints {@code text} and ends, enough for tests that look at what start made. */
  static void attachPrints(KubernetesMockServer server, String pod, String text) {
    attachOpens(server, pod, text).done().always();
  }

  /** Status as a kubelet would set it: phase Running and Ready. */
  static PodStatus running() {
    return new PodStatusBuilder().withPhase("Running")
        .addNewCondition().withType("Ready").withStatus("True").endCondition()
        .withContainerStatuses(new ContainerStatusBuilder().withName(KubernetesPods.CONTAINER).withReady(true)
            .withNewState().withNewRunning().endRunning().endState().build())
        .build();
  }

  static PodStatus waiting(String reason, String message) {
    return new PodStatusBuilder().withPhase("Pending")
        .withContainerStatuses(new ContainerStatusBuilder().withName(KubernetesPods.CONTAINER).withReady(false)
            .withNewState().withNewWaiting().withReason(reason).withMessage(message).endWaiting().endState().build())
        .build();
  }

  static void setStatus(KubernetesClient client, String pod, PodStatus status) {
    Pod p = client.pods().inNamespace(NS).withName(pod).get();
    client.pods().inNamespace(NS).resource(new PodBuilder(p).withStatus(status).build()).updateStatus();
  }

  /** Gives every pod of {@link #NS} that has no status yet the one {@code status} picks, until closed. */
  static AutoCloseable kubelet(KubernetesClient client, Function<Pod, PodStatus> status) {
    Thread t = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          for (Pod p : client.pods().inNamespace(NS).list().getItems()) {
            if (p.getStatus() == null || p.getStatus().getPhase() == null) {
              setStatus(client, p.getMetadata().getName(), status.apply(p));
            }
          }
          Thread.sleep(20);
        }
      } catch (InterruptedException | KubernetesClientException e) {
        // closed (interrupted mid-request, or the test's client and server went first)
      }
    }, "fake-kubelet");
    t.setDaemon(true);
    t.start();
    return () -> {
      t.interrupt();
      t.join(5000);
    };
  }

  /** What a TTY printed, and whether it ended. */
  static final class RecordingScreen implements Screen {
    private final StringBuffer text = new StringBuffer();
    final CountDownLatch ended = new CountDownLatch(1);

    @Override
    public void output(byte[] b, int off, int len) {
      synchronized (text) {
        text.append(new String(b, off, len, StandardCharsets.UTF_8));
        text.notifyAll();
      }
    }

    @Override
    public void ended() {
      ended.countDown();
    }

    String text() {
      return text.toString();
    }

    /** True once the output holds {@code s}; false after 10 s without it. */
    boolean awaitText(String s) throws InterruptedException {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      synchronized (text) {
        while (text.indexOf(s) < 0) {
          long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
          if (left <= 0) {
            return false;
          }
          text.wait(left);
        }
      }
      return true;
    }
  }
}
