/**
 * The {@code kubernetes} provider, on fabric8's kubernetes-client with the JDK HTTP client: rolling updates of a
 * Deployment's image by JSON patch (never strategic merge), canaries as a second Deployment {@code <name>-canary}
 * whose share of the pods is the weight, rollouts watched to completion (no polling sleeps), rollback to the stable
 * image that reuses the previous ReplicaSet. Services, Ingresses and meshes are left as they are.
 */
package dev.steward.actuate.kubernetes;
