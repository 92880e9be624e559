package vn.partycell.member.adapter.in.web;

import vn.partycell.platform.test.ServiceIntegrationTest;

/** member-service's API, repositories and outbox: embedded KRaft broker and mongo-java-server. */
@ServiceIntegrationTest
class MemberApiIntegrationTest extends MemberApiScenarios {}
