package vn.partycell.member.adapter.in.web;

import vn.partycell.platform.test.RealInfrastructureTest;

/** member-service's API, repositories and outbox: real MongoDB (replica set) and Kafka through Testcontainers; skipped without Docker. */
@RealInfrastructureTest
class MemberApiOnRealInfrastructureTest extends MemberApiScenarios {}
