/** Run-time building blocks shared by every GapLens service. */
package io.gaplens.platform;
