package com.dialtone.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * The server's metrics, one registry per server, scraped in Prometheus's text format at {@code /metrics}
 * (docs/operations.md, "Metrics" lists every one). Meters are registered here or by the parts they measure
 * ({@link RequestMetrics}, {@link CallMetrics}); none is recorded on a path that waits for anything.
 */
public final class Metrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Jetty's request threads: how many there are, how many are busy, and the jobs waiting for one. */
    public void bindJettyThreads(ThreadPool threads) {
        if (threads instanceof QueuedThreadPool pool) {
            Gauge.builder("jetty.threads", pool, QueuedThreadPool::getThreads).description("Jetty's request threads").register(registry);
            Gauge.builder("jetty.threads.busy", pool, QueuedThreadPool::getBusyThreads).description("Jetty's threads at work").register(registry);
            Gauge.builder("jetty.threads.idle", pool, QueuedThreadPool::getIdleThreads).description("Jetty's idle threads").register(registry);
            Gauge.builder("jetty.threads.max", pool, QueuedThreadPool::getMaxThreads).description("the most threads Jetty starts").register(registry);
            Gauge.builder("jetty.threads.jobs.queued", pool, QueuedThreadPool::getQueueSize).description("jobs waiting for a Jetty thread")
                    .register(registry);
        }
    }

    /** The text a Prometheus server scrapes. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
