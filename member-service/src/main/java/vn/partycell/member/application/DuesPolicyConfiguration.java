package vn.partycell.member.application;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds and validates {@link DuesPolicy} at start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DuesPolicy.class)
class DuesPolicyConfiguration {}
