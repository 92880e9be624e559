package vn.partycell.member;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Members and the org tree (đảng viên, tổ chức đảng): the source of truth other services follow. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MemberServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MemberServiceApplication.class, args);
    }
}
